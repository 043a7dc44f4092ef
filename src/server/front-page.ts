/** The plain front page shown until the web interface exists: what this is and where the API is. */
export function frontPage(): string {
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tværs</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}a{color:#0059b3}</style>
</head>
<body>
<main>
<h1>Tværs</h1>
<p>Arbejdsrummet for det tværsektorielle sundhedssamarbejde: udvalg, klynger, møder, dagsordener og referater.</p>
<ul>
<li><a href="/api/docs">API-reference</a></li>
<li><a href="/api/openapi.json">OpenAPI-beskrivelse (JSON)</a></li>
<li><a href="/healthz">Driftsstatus</a></li>
</ul>
</main>
</body>
</html>`;
}
