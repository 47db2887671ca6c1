// Where an assignment waits, read from a person's role, unit and approval levels (/api/me). What a person may
// do to one assignment is the server's answer (GET /api/assignments/{id}/actions), not worked out here.

/** The level of the route that must look at the draft now, or null: the server says (awaitingLevel). */
export function nextLevel(a) {
  return a.awaitingLevel || null;
}

export function level(me, name) {
  const wanted = (name || '').toLocaleLowerCase('vi');
  return me.approvalLevels.find(l => l.name.toLocaleLowerCase('vi') === wanted) || { name, outsideBody: false, mayAct: false };
}

/** Whether the assignment waits for this person (the dashboard's "waiting for me"). */
export function waitsFor(me, a) {
  const next = nextLevel(a);
  if (me.role === 'CHAIR' || me.role === 'VICE_CHAIR') return Boolean(next && level(me, next).mayAct);
  if (me.role === 'CLERK') return a.status === 'APPROVED' || Boolean(next && level(me, next).outsideBody);
  if (me.role === 'UNIT_STAFF' || me.role === 'UNIT_HEAD') {
    return a.leadUnit === me.unit && (a.status === 'ASSIGNED' || a.status === 'REVISION_REQUESTED');
  }
  return false;
}
