import type { daGovernance } from "./messages.governance.da.ts";

/** English messages of governance between meetings (same keys as the Danish). */
export const enGovernance: Record<keyof typeof daGovernance, string> = {
  "gov.answers.title": "The members' approval of the minutes",
  "gov.answers.rule.all_members": "Every member approves the minutes by {deadline}.",
  "gov.answers.rule.no_objection":
    "The minutes are approved if no remark is waiting for an answer at the deadline, {deadline}.",
  "gov.answers.yours": "Your answer",
  "gov.answers.approve": "Approve the minutes",
  "gov.answers.remark": "Remark",
  "gov.answers.remarkLabel": "Your remark on the minutes",
  "gov.answers.remarkHint":
    "The secretariat and the chair see the remark; it stops the approval until the secretariat has answered.",
  "gov.answers.remarkError": "Write your remark on the minutes.",
  "gov.answers.sendRemark": "Send remark",
  "gov.answers.youApproved": "You approved the minutes {when}.",
  "gov.answers.youRemarked": "You made a remark {when}.",
  "gov.answers.who": "Who has answered",
  "gov.answers.person": "Member",
  "gov.answers.answer": "Answer",
  "gov.answers.when": "Time",
  "gov.answers.none": "Has not answered",
  "gov.answers.approved": "Approved",
  "gov.answers.remarked": "Remark",
  "gov.answers.replied": "The secretariat's answer ({who}, {when}):",
  "gov.answers.reply": "Answer the remark",
  "gov.answers.replyLabel": "The secretariat's answer to {name}",
  "gov.answers.replyError": "Write the secretariat's answer to the remark.",
  "gov.answers.replyButton": "Send answer",
  "gov.answers.block.open_remark":
    "A remark is waiting for the secretariat's answer; the minutes cannot be approved before.",
  "gov.answers.block.waiting": "The minutes are waiting for the members' answers.",
  "gov.answers.done.answered": "Your answer has been recorded.",
  "gov.answers.done.replied": "The answer to the remark has been sent.",
};
