/** Danish messages of governance between meetings: the members' approval of minutes (docs/governance.md). */
export const daGovernance = {
  "gov.answers.title": "Medlemmernes godkendelse af referatet",
  "gov.answers.rule.all_members": "Alle medlemmer godkender referatet inden {deadline}.",
  "gov.answers.rule.no_objection":
    "Referatet er godkendt, hvis ingen har bemærkninger, der venter på svar, ved fristen {deadline}.",
  "gov.answers.yours": "Dit svar",
  "gov.answers.approve": "Godkend referatet",
  "gov.answers.remark": "Bemærkning",
  "gov.answers.remarkLabel": "Din bemærkning til referatet",
  "gov.answers.remarkHint":
    "Sekretariatet og formandskabet ser bemærkningen; den stopper godkendelsen, til sekretariatet har svaret.",
  "gov.answers.remarkError": "Skriv din bemærkning til referatet.",
  "gov.answers.sendRemark": "Send bemærkning",
  "gov.answers.youApproved": "Du godkendte referatet {when}.",
  "gov.answers.youRemarked": "Du gav en bemærkning {when}.",
  "gov.answers.who": "Hvem har svaret",
  "gov.answers.person": "Medlem",
  "gov.answers.answer": "Svar",
  "gov.answers.when": "Tidspunkt",
  "gov.answers.none": "Har ikke svaret",
  "gov.answers.approved": "Godkendt",
  "gov.answers.remarked": "Bemærkning",
  "gov.answers.replied": "Sekretariatets svar ({who}, {when}):",
  "gov.answers.reply": "Svar på bemærkningen",
  "gov.answers.replyLabel": "Sekretariatets svar til {name}",
  "gov.answers.replyError": "Skriv sekretariatets svar på bemærkningen.",
  "gov.answers.replyButton": "Send svar",
  "gov.answers.block.open_remark":
    "En bemærkning venter på sekretariatets svar; referatet kan ikke godkendes før.",
  "gov.answers.block.waiting": "Referatet venter på medlemmernes svar.",
  "gov.answers.done.answered": "Dit svar er registreret.",
  "gov.answers.done.replied": "Svaret på bemærkningen er sendt.",
} as const;
