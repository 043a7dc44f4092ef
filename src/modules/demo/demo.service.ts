import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { parseDateTime } from "../../lib/time.ts";
import type { Ctx } from "../../server/context.ts";
import { appendAuditNote } from "../audit/index.ts";
import { SYSTEM_ACTOR } from "../auth/actor.ts";
import { createUser } from "../auth/auth.service.ts";
import { createBody } from "../bodies/index.ts";
import {
  absenceService,
  attachmentService,
  attendanceService,
  cancelMeeting,
  createItem,
  createMeeting,
  forwardPath,
  meetings,
  transitionMeeting,
  uploadAttachmentContent,
} from "../meetings/index.ts";
import { createParty } from "../parties/index.ts";
import { createMembership, createPerson } from "../people/index.ts";
import { demoWeekShift, shiftLocal } from "./demo.dates.ts";
import { loadDemoGovernance } from "./demo.governance.ts";
import { loadDemoGroups } from "./demo.groups.ts";
import { loadDemoImplementation } from "./demo.implementation.ts";
import { loadDemoMatters } from "./demo.matters.ts";
import { loadDemoMoney } from "./demo.money.ts";
import { loadDemoObligations } from "./demo.obligations.ts";
import { loadDemoReform } from "./demo.reform.ts";
import type { DemoData, DemoMeeting } from "./demo.types.ts";

function must<K, T>(map: Map<K, T>, key: K, what: string): T {
  const value = map.get(key);
  if (value === undefined) {
    throw new Error(`Demodata: ukendt ${what} "${key}"`);
  }
  return value;
}

async function loadMeeting(
  ctx: Ctx,
  m: DemoMeeting,
  days: number,
  ids: { bodies: Map<string, number>; persons: Map<string, number>; chairs: Map<string, string> },
) {
  const start = parseDateTime(shiftLocal(m.start, days)) as Date;
  const meeting = await createMeeting(ctx, {
    bodyId: must(ids.bodies, m.bodyKey, "forum"),
    start,
    end: parseDateTime(shiftLocal(m.end, days)),
    location: m.location,
    kind: m.kind,
  });
  const itemIds = new Map<number, number>();
  for (const item of m.items) {
    const created = await createItem(ctx, {
      meetingId: meeting.id,
      number: item.number,
      title: item.title,
      access: item.access,
      durationMinutes: item.durationMinutes ?? null,
      kind: item.kind,
      sections: item.sections,
      recommendations: item.recommendations,
      decisionText: item.decision?.text ?? null,
      outcome: item.decision?.outcome ?? null,
      caseNumbers: item.caseNumbers,
    });
    itemIds.set(item.number, created.id);
    for (const personKey of item.absentPersonKeys) {
      await absenceService.create(ctx, {
        itemId: created.id,
        personId: must(ids.persons, personKey, "person"),
      });
    }
    for (const [position, a] of item.attachments.entries()) {
      const att = await attachmentService.create(ctx, {
        itemId: created.id,
        title: a.title,
        fileName: a.fileName,
        access: a.access,
        position,
      });
      await uploadAttachmentContent(ctx, att.id, {
        bytes: new TextEncoder().encode(a.content),
        mimeType: a.mimeType,
        version: att.version,
      });
    }
  }
  for (const a of m.attendance) {
    await attendanceService.create(ctx, {
      meetingId: meeting.id,
      personId: must(ids.persons, a.personKey, "person"),
      status: a.status,
      substituteForId: a.substituteForKey ? must(ids.persons, a.substituteForKey, "person") : null,
      guestItemIds: (a.guestItems ?? []).map((n) => must(itemIds, n, "punkt")),
      note: a.note ?? null,
    });
  }
  let version = meeting.version;
  // Through the meetings' domain acts, as a secretariat and chair would: published demo meetings get
  // their frozen documents like any other. The chair's name is who the demo's minutes say approved.
  const approver: Ctx = { db: ctx.db, actor: { ...ctx.actor, name: ids.chairs.get(m.bodyKey) ?? null } };
  for (const to of forwardPath("planned", m.status)) {
    const actor = to === "minutes_approved" ? approver : ctx;
    version = (
      await transitionMeeting(
        actor,
        meeting.id,
        { to, version },
        new Date(Math.max(Date.now(), start.getTime())),
      )
    ).version;
  }
  if (m.cancelled) {
    await cancelMeeting(ctx, meeting.id, {
      version,
      reason: "Mødet er aflyst, da der ikke var sager nok til dagsordenen.",
    });
  }
  return meeting.id;
}

/**
 * Loads the demo set in one transaction through the same services the API uses,
 * with dates moved so that the demo always has past and coming meetings.
 */
export async function loadDemo(db: Db, data: DemoData, now = new Date()) {
  const days = demoWeekShift(now);
  return db.transaction(async (tx) => {
    // Thousands of demo rows are audited as one entry, which keeps the first start fast.
    await tx.execute(sql`select set_config('tvaers.audit_bulk', 'on', true)`);
    const ctx: Ctx = { db: tx, actor: SYSTEM_ACTOR };
    const ids = {
      parties: new Map<string, number>(),
      bodies: new Map<string, number>(),
      persons: new Map<string, number>(),
    };
    for (const p of data.parties) {
      ids.parties.set(
        p.key,
        (await createParty(ctx, { ...p, municipalityCode: p.municipalityCode ?? null })).id,
      );
    }
    // Parents first, so reportsTo can be set at creation.
    const pending = [...data.bodies];
    while (pending.length > 0) {
      const index = pending.findIndex((b) => !b.reportsTo || ids.bodies.has(b.reportsTo));
      if (index < 0) {
        throw new Error("Demodata: fora refererer i ring");
      }
      const [b] = pending.splice(index, 1);
      if (!b) {
        break;
      }
      const body = await createBody(ctx, {
        name: b.name,
        shortName: b.shortName,
        kind: b.kind,
        region: b.region,
        cluster: b.cluster ?? null,
        reportsToId: b.reportsTo ? must(ids.bodies, b.reportsTo, "forum") : null,
        mandatePurpose: b.mandate?.purpose ?? null,
        mandateFrom: b.mandate ? shiftLocal(b.mandate.from, days) : null,
        mandateTo: b.mandate?.to ? shiftLocal(b.mandate.to, days) : null,
        mandateStatus: b.mandate?.status ?? "active",
        validFrom: b.validFrom ?? null,
      });
      ids.bodies.set(b.key, body.id);
    }
    for (const p of data.persons) {
      ids.persons.set(
        p.key,
        (await createPerson(ctx, { name: p.name, title: p.title ?? null, email: p.email ?? null })).id,
      );
    }
    for (const m of data.memberships) {
      await createMembership(ctx, {
        personId: must(ids.persons, m.personKey, "person"),
        bodyId: must(ids.bodies, m.bodyKey, "forum"),
        partyId: must(ids.parties, m.partyKey, "part"),
        role: m.role,
        from: shiftLocal(m.from, days),
        to: m.to ? shiftLocal(m.to, days) : null,
      });
    }
    const meetingIds: number[] = [];
    const names = new Map(data.persons.map((p) => [p.key, p.name]));
    const chairs = new Map(
      data.memberships
        .filter((m) => m.role === "chair")
        .map((m) => [m.bodyKey, names.get(m.personKey) ?? ""]),
    );
    for (const m of data.meetings) {
      meetingIds.push(await loadMeeting(ctx, m, days, { ...ids, chairs }));
    }
    const meetingKeys = new Map(data.meetings.map((m, i) => [m.key, meetingIds[i] as number]));
    await loadDemoMoney(ctx, { ...ids, meetings: meetingKeys }, (day) => shiftLocal(day, days));
    await loadDemoGroups(ctx, { ...ids, meetings: meetingKeys }, (day) => shiftLocal(day, days));
    await loadDemoReform(ctx, ids.bodies);
    await loadDemoGovernance(ctx, ids.bodies, meetingKeys);
    await (await import("../indicators/index.ts")).loadDemoIndicators(ctx);
    await loadDemoObligations(ctx, ids.bodies, now);
    await loadDemoImplementation(ctx, ids.parties, now);
    await loadDemoMatters(ctx, ids.bodies, now);
    for (const u of data.users) {
      await createUser(ctx, {
        email: u.email,
        name: u.name,
        password: u.password,
        isAdmin: u.isAdmin ?? false,
        personId: u.personKey ? must(ids.persons, u.personKey, "person") : null,
      });
    }
    const [first] = await tx.select({ id: meetings.id }).from(meetings).limit(1);
    await tx.execute(sql`select set_config('tvaers.audit_bulk', 'off', true)`);
    await appendAuditNote(tx, "database", "demo", {
      meetings: meetingIds.length,
      referenceDate: now.toISOString(),
    });
    return {
      meetings: meetingIds.length,
      firstMeetingId: first?.id ?? null,
      logins: data.users.map((u) => ({ email: u.email, password: u.password, name: u.name })),
    };
  });
}
