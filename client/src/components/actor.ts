// Who did something, as the server records it ("coordinator:someone@region.se", server/auth/
// principal.ts actorName): people know each other by email, so that is what is shown.
export const actorLabel = (actor: string): string => actor.replace(/^[a-z]+:(?=.+@)/, '');
