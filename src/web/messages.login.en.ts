import type { daLogin } from "./messages.login.da.ts";

/** English messages of logging in with an organisation and TOTP: the same keys as the Danish ones (tsc checks it). */
export const enLogin: Record<keyof typeof daLogin, string> = {
  "login.providersHeading": "Log in with your organisation",
  "login.withProvider": "Log in with {label}",
  "login.orPassword": "Or log in with e-mail and password",
  "login.providerDown":
    "{label} is not answering right now, so you cannot log in that way. Try again shortly, or log in with e-mail and password.",
  "login.providerFailed":
    "Logging in with {label} failed because its answer could not be accepted. Try again.",
  "login.providerCancelled": "Logging in with {label} was cancelled.",
  "login.flowExpired": "Logging in took too long or was started in another browser. Try again.",
  "login.pendingHeading": "Your account awaits approval",
  "login.pending":
    "You are logged in at {label}, but Tværs does not know you yet. An administrator or a secretariat must approve you. Try again when you have been told.",
  "login.refused":
    "Your login from {label} gives no access to Tværs. Contact the secretariat if this is a mistake.",
  "totp.title": "Two-factor authentication",
  "totp.codeIntro": "Enter the 6-digit code from your authenticator app.",
  "totp.code": "Code",
  "totp.codeHint": "6 digits",
  "totp.submit": "Confirm",
  "totp.wrong": "The code is wrong or already used. Wait for the next code and try again.",
  "totp.codeRequired": "Enter the code.",
  "totp.expired": "Too much time passed, or the code was tried too many times. Log in again.",
  "totp.required":
    "As an administrator or secretary you must use two-factor authentication before you can log in.",
  "totp.enrolIntro":
    "Add Tværs to your authenticator app (e.g. Microsoft Authenticator or Google Authenticator): choose to enter a key, type the key below, then enter the first code the app shows.",
  "totp.key": "Key",
  "totp.uri": "Address for apps that can open it",
  "totp.on": "Two-factor authentication is on for your account.",
  "pending.title": "New users from organisations",
  "pending.intro":
    "People who logged in with their organisation for the first time. Link each to a person in Tværs, or refuse. What they may do is decided by the person's memberships in Tværs.",
  "pending.none": "Nobody is waiting for approval.",
  "pending.provider": "Organisation",
  "pending.email": "E-mail (verified by the organisation)",
  "pending.noEmail": "no verified e-mail",
  "pending.party": "Party according to the organisation's groups",
  "pending.firstSeen": "First login",
  "pending.person": "Person in Tværs",
  "pending.noPerson": "No person (administrators only)",
  "pending.confirm": "Approve",
  "pending.refuse": "Refuse",
  "pending.confirmed": "{name} is approved.",
  "pending.refused": "{name} is refused.",
  "logout.title": "You are logged out",
  "logout.done": "You are logged out of Tværs.",
  "logout.providerToo": "You are still logged in at {label}. Log out there too if you use a shared computer.",
  "logout.providerLink": "Log out at {label} too",
};
