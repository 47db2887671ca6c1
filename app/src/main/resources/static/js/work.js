// What a person may do to an assignment now, read from their role, unit and approval levels (/api/me).
// This only decides which forms to show; the command side checks every rule again.

const OPEN = ['ASSIGNED', 'DRAFT_SUBMITTED', 'REVISION_REQUESTED'];

export function isOpen(a) {
  return OPEN.includes(a.status);
}

/** The level of the route that must look at the draft now, or null: the server says (awaitingLevel). */
export function nextLevel(a) {
  return a.awaitingLevel || null;
}

export function level(me, name) {
  const wanted = (name || '').toLocaleLowerCase('vi');
  return me.approvalLevels.find(l => l.name.toLocaleLowerCase('vi') === wanted) || { name, outsideBody: false, mayAct: false };
}

function staffOf(me, unit) {
  return (me.role === 'UNIT_STAFF' || me.role === 'UNIT_HEAD') && me.unit === unit;
}

/** The actions to offer, in the order a person expects them. */
export function actionsFor(me, a) {
  const actions = [];
  const clerk = me.role === 'CLERK';
  const unitHoldsWork = a.status === 'ASSIGNED' || a.status === 'REVISION_REQUESTED';
  // What a clerk does most on an open task is chase the unit that holds it: that form comes first.
  if (clerk && unitHoldsWork) actions.push('remind');
  if (isOpen(a) && a.pendingExtension && (me.role === 'CHAIR' || me.role === 'VICE_CHAIR')) actions.push('decideExtension');
  if ((a.status === 'ASSIGNED' || a.status === 'REVISION_REQUESTED') && (staffOf(me, a.leadUnit) || clerk)) {
    actions.push('draft');
  }
  const next = nextLevel(a);
  if (next && level(me, next).mayAct) {
    // An outside body can send a draft back as well as approve it; a clerk records either decision.
    actions.push('revision', 'approve');
  }
  if (isOpen(a) && a.deadline && !a.pendingExtension && staffOf(me, a.leadUnit)) actions.push('requestExtension');
  if (clerk && a.status === 'APPROVED') actions.push('issue');
  if (clerk && isOpen(a)) actions.push('extend', 'reassign');
  if (clerk && a.status !== 'CANCELLED' && a.status !== 'ISSUED') actions.push('cancel');
  return actions;
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
