import { meetingsNord } from "./demo.data.meetings-nord.ts";
import { meetingsSdk } from "./demo.data.meetings-sdk.ts";
import { meetingsSss } from "./demo.data.meetings-sss.ts";
import { meetingsSssAutumn } from "./demo.data.meetings-sss-autumn.ts";
import { meetingsSsu } from "./demo.data.meetings-ssu.ts";
import { meetingsSsuComing } from "./demo.data.meetings-ssu-coming.ts";
import { meetingsSyd } from "./demo.data.meetings-syd.ts";
import { memberships } from "./demo.data.memberships.ts";
import { bodies, parties } from "./demo.data.parties.ts";
import { persons } from "./demo.data.people.ts";
import { reformBodies, reformMeetings, reformMemberships } from "./demo.data.reform.ts";
import { users } from "./demo.data.users.ts";
import type { DemoData } from "./demo.types.ts";

/**
 * The fictional demo data set for Region Vestkyst: seven municipalities, one hospital, psychiatry,
 * PLO-Vestkyst, patient representatives and KL, meeting in SSU, SSS, two health clusters and ad hoc groups
 * until 31 December 2026, then in a committee of the regional council and two health councils.
 * Meetings are sorted by start; all content is invented.
 */
export const demoData: DemoData = {
  parties,
  bodies: [...bodies, ...reformBodies],
  persons,
  memberships: [...memberships, ...reformMemberships],
  meetings: [
    ...meetingsSss,
    ...meetingsSssAutumn,
    ...meetingsSsu,
    ...meetingsSsuComing,
    ...meetingsNord,
    ...meetingsSyd,
    ...meetingsSdk,
    ...reformMeetings,
  ].sort((a, b) => a.start.localeCompare(b.start)),
  users,
};
