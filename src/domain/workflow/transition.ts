import {
  type Transition,
  WORKFLOWS,
  type WorkflowDef,
  type WorkflowKind,
  type WorkflowRole,
} from './definitions.ts';

/** Independent steps bar the person concerned, and the filer unless an officer opened the case. */
function barred(kind: WorkflowKind, actor: ActorRoleContext): boolean {
  return actor.isSubject || (actor.isFiler && !(WORKFLOWS[kind] as WorkflowDef).openedByOfficer);
}

/** Who is acting, relative to the case: their workflow roles that reach the person, and whether
 * they are the person concerned or the one who filed the case. */
export type ActorRoleContext = {
  roles: ReadonlySet<WorkflowRole>;
  isSubject: boolean;
  isFiler: boolean;
};

export type TransitionRefusal = 'unknownAction' | 'wrongRole' | 'selfApproval';

/** Thrown by assertTransition; the server maps the code to its HTTP error. */
export class TransitionError extends Error {
  constructor(readonly code: TransitionRefusal) {
    super(code);
  }
}

/**
 * The one guard of every workflow step: returns the transition if `action` may be taken from
 * `from` by this actor, else throws a TransitionError — unknown action for the status, none of
 * the required roles, or an independent step attempted by the person concerned or the filer.
 */
export function assertTransition(
  kind: WorkflowKind,
  from: string,
  action: string,
  actor: ActorRoleContext,
): Transition {
  const t = (WORKFLOWS[kind].transitions as readonly Transition[]).find(
    (x) => x.from === from && x.action === action,
  );
  if (!t || t.system) throw new TransitionError('unknownAction');
  if (!t.roles.some((r) => actor.roles.has(r))) throw new TransitionError('wrongRole');
  if (t.independent && barred(kind, actor)) throw new TransitionError('selfApproval');
  return t;
}

/** The actions this actor may take now (for the UI: "allowed actions" sent with each case). */
export function allowedActions(kind: WorkflowKind, from: string, actor: ActorRoleContext): string[] {
  return (WORKFLOWS[kind].transitions as readonly Transition[])
    .filter((t) => t.from === from && !t.system && t.roles.some((r) => actor.roles.has(r)))
    .filter((t) => !(t.independent && barred(kind, actor)))
    .map((t) => t.action);
}

/** Roles that act next from `status` (whose queue a case in that status sits in). */
export function rolesActingFrom(kind: WorkflowKind, status: string): WorkflowRole[] {
  const out = new Set<WorkflowRole>();
  for (const t of WORKFLOWS[kind].transitions as readonly Transition[])
    if (t.from === status && t.action !== 'withdraw' && !t.system) for (const r of t.roles) out.add(r);
  return [...out];
}
