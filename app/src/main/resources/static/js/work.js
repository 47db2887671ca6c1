// Where an assignment waits, as the server says. What a person may do to one assignment
// (GET /api/assignments/{id}/actions) and what waits for them (GET /api/assignments?waiting=true) are the
// server's answers, not worked out here.

/** The level of the route that must look at the draft now, or null: the server says (awaitingLevel). */
export function nextLevel(a) {
  return a.awaitingLevel || null;
}

export function level(me, name) {
  const wanted = (name || '').toLocaleLowerCase('vi');
  return me.approvalLevels.find(l => l.name.toLocaleLowerCase('vi') === wanted) || { name, outsideBody: false, mayAct: false };
}
