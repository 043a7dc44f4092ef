import type { Html } from "#jsx/jsx-runtime";
import type { PageCtx } from "../../web/page.ts";
import type { StructureStatus } from "./bodies.status.ts";
import type { SuccessionLink } from "./bodies.successions.ts";
import { bodyPath } from "./bodies.urls.ts";

/** 31.12.2026: the short form used on the structure's notes. */
export const numericDay = (day: string) => day.split("-").reverse().join(".");

function Links({ links }: { links: SuccessionLink[] }): Html {
  return (
    <>
      {links.map((l, i) => [
        i > 0 ? ", " : "",
        l.kind === "body" ? <a href={bodyPath(l)}>{l.name}</a> : <span>{l.name}</span>,
      ])}
    </>
  );
}

/**
 * The body's place in time: "Nedlagt 31.12.2026 · videreført i …" on a closed body (its archive stays
 * below), "Oprettes 01.01.2027 · viderefører …" on one being set up, "viderefører …" on a successor.
 */
export function StructureNote({
  ctx,
  body,
  succession,
}: {
  ctx: PageCtx;
  body: { id: number; validFrom: string | null; validTo: string | null; status: StructureStatus };
  succession: { predecessors: SuccessionLink[]; successors: SuccessionLink[] };
}): Html | null {
  const { t } = ctx;
  const { predecessors, successors } = succession;
  if (body.status === "active" && predecessors.length === 0 && successors.length === 0) {
    return null;
  }
  const closed = body.status === "closed" || (body.validTo !== null && successors.length > 0);
  return (
    <div class="alert alert-info tv-structure" role="note">
      <div class="alert-body">
        {closed && body.validTo ? (
          <p class="alert-heading">
            {t("structure.closedOn", { date: numericDay(body.validTo) })}
            {" · "}
            {successors.length > 0
              ? [`${t("structure.continuedIn")} `, <Links links={successors} />]
              : t("structure.notContinued")}
          </p>
        ) : null}
        {predecessors.length > 0 || body.status === "being_set_up" ? (
          <p class={closed ? "alert-text" : "alert-heading"}>
            {body.validFrom
              ? t(body.status === "being_set_up" ? "structure.setUpOn" : "structure.activeFrom", {
                  date: numericDay(body.validFrom),
                })
              : null}
            {body.validFrom && predecessors.length > 0 ? " · " : null}
            {predecessors.length > 0
              ? [`${t("structure.continues")} `, <Links links={predecessors} />]
              : null}
          </p>
        ) : null}
        {closed ? <p class="alert-text">{t("structure.archiveKept")}</p> : null}
        {predecessors.length > 0 ? (
          <p class="alert-text">
            <a href={`/soeg?bodyId=${body.id}&withPredecessors=1`}>{t("structure.searchWithPredecessors")}</a>
          </p>
        ) : null}
      </div>
    </div>
  );
}
