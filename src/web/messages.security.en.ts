import type { daSecurity } from "./messages.security.da.ts";

/** English messages of role history, own data and logout: the same keys as the Danish ones. */
export const enSecurity: Record<keyof typeof daSecurity, string> = {
  "sec.roles.heading": "Role changes",
  "sec.roles.none": "No role changes are recorded.",
  "sec.roles.caption": "Who got or lost a role in the body, when and by whom",
  "sec.roles.when": "Time",
  "sec.roles.person": "Person",
  "sec.roles.before": "Before",
  "sec.roles.after": "After",
  "sec.roles.by": "Changed by",
  "sec.own.title": "My details",
  "sec.own.errors": "There are errors in the form",
  "sec.own.noPerson":
    "Your user is not linked to a person in Tværs, so there are no personal details to show. Contact the secretariat if this is wrong.",
  "sec.own.intro": "Here you see the details Tværs holds about you, and can correct them.",
  "sec.own.name": "Name",
  "sec.own.jobTitle": "Title",
  "sec.own.save": "Save changes",
  "sec.own.saved": "Your details are saved.",
  "sec.own.emailHeading": "E-mail address",
  "sec.own.emailNow": "Your e-mail address is {email}.",
  "sec.own.emailNone": "There is no e-mail address on you.",
  "sec.own.emailPending": "A confirmation of {email} is waiting: open the link in the mail to that address.",
  "sec.own.emailNew": "New e-mail address",
  "sec.own.emailHint":
    "We send a link to the new address. The address changes only when you have opened the link and confirmed.",
  "sec.own.emailSend": "Send confirmation",
  "sec.own.emailSent": "We have sent a link to {email}. Open it to confirm the new address.",
  "sec.confirm.title": "Confirm new e-mail address",
  "sec.confirm.question": "Should {email} be the e-mail address of {name} in Tværs?",
  "sec.confirm.button": "Confirm the address",
  "sec.confirm.done": "The e-mail address is now {email}.",
  "sec.confirm.unknown":
    "The link is unknown or has expired. Ask for a new change of e-mail address under “My details”.",
};
