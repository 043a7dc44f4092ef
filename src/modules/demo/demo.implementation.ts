/**
 * The demo's implementation matrix and ratification tracker (issue 22.3/22.4), on the political part of
 * the health agreement (owned by the SSU, in force): mixed states across the SSU's parties — an opt-out
 * with its reason and a "not relevant" among them — and the approvals by the municipal councils, the
 * regional council and Sundhedsstyrelsen, some approved, one late and some pending.
 */
import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import {
  addRatificationStep,
  agreements,
  setImplementationState,
  updateRatificationStep,
} from "../agreements/index.ts";

export const DEMO_IMPLEMENTED_AGREEMENT = "Sundhedsaftalen 2024–2027 – politisk del";

const dayOffset = (now: Date, days: number) =>
  new Date(now.getTime() + days * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Europe/Copenhagen" });

export async function loadDemoImplementation(
  ctx: Ctx,
  partyIds: Map<string, number>,
  now: Date,
): Promise<number | null> {
  const [agreement] = await ctx.db
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(eq(agreements.title, DEMO_IMPLEMENTED_AGREEMENT), eq(agreements.status, "implementation")));
  const party = (key: string) => partyIds.get(key);
  if (!agreement) {
    return null;
  }
  const day = (offset: number) => dayOffset(now, offset);
  const states: [string, Parameters<typeof setImplementationState>[3]][] = [
    ["region", { state: "implemented", since: day(-300), note: "Implementeret på alle hospitaler." }],
    ["havbjerg", { state: "in_progress", since: day(-260), plannedOn: day(-120) }],
    ["havbjerg", { state: "implemented", since: day(-90), note: "Godkendt i sundhedsudvalget." }],
    ["klitmose", { state: "in_progress", since: day(-150), plannedOn: day(120) }],
    [
      "sondera",
      {
        state: "opted_out",
        since: day(-200),
        reason: "Ønsker ikke at udvide målgruppen på nuværende tidspunkt; fortsat model B, der afprøves.",
      },
    ],
    ["fjordlund", { state: "not_started", since: day(-300), note: "Afventer ny leder af sundhedsområdet." }],
    [
      "plo",
      {
        state: "not_relevant",
        since: day(-300),
        reason: "Den politiske del forpligter ikke almen praksis; PLO følger det administrative bilag.",
      },
    ],
  ];
  for (const [key, input] of states) {
    const id = party(key);
    if (id !== undefined) {
      await setImplementationState(ctx, agreement.id, id, input);
    }
  }

  const steps: {
    kind: "municipal_council" | "regional_council" | "health_authority";
    key?: string;
    name: string;
    deadline: string;
    approvedOn?: string;
    link?: string;
  }[] = [
    {
      kind: "municipal_council",
      key: "havbjerg",
      name: "Havbjerg Kommunalbestyrelse",
      deadline: day(-14),
      approvedOn: day(-40),
      link: "https://example.org/demo/havbjerg/kommunalbestyrelsen-punkt-12",
    },
    {
      kind: "municipal_council",
      key: "klitmose",
      name: "Klitmose Kommunalbestyrelse",
      deadline: day(-14),
      approvedOn: day(-21),
      link: "https://example.org/demo/klitmose/byraadet-punkt-8",
    },
    { kind: "municipal_council", key: "sondera", name: "Sønderå Kommunalbestyrelse", deadline: day(-14) },
    { kind: "regional_council", key: "region", name: "Regionsrådet i Region Vestkyst", deadline: day(45) },
    { kind: "health_authority", name: "Sundhedsstyrelsen", deadline: day(120) },
  ];
  for (const s of steps) {
    const tracker = await addRatificationStep(ctx, agreement.id, {
      kind: s.kind,
      name: s.name,
      partyId: s.key ? (party(s.key) ?? null) : null,
      deadline: s.deadline,
    });
    const added = tracker.steps.find((x) => x.name === s.name);
    if (added && s.approvedOn) {
      await updateRatificationStep(ctx, added.id, {
        version: added.version,
        approvedOn: s.approvedOn,
        link: s.link ?? null,
      });
    }
  }
  return agreement.id;
}
