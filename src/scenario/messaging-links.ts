import { KIND_TRAITS } from './kinds';
import type { NodeKind } from './schema';

/**
 * What a link out of a message queue or a topic may lead to: a queue's
 * links go to its consumers, which must be servers (they pull and process);
 * a topic's go to its subscribers, queues or servers. Null when the link is
 * fine, else why not, naming the kinds.
 */
export function messagingLinkProblem(from: NodeKind, to: NodeKind): string | null {
  if (from === 'messageQueue' && to !== 'server') {
    return `a message queue's links go to its consumers, which must be servers; this one leads to ${KIND_TRAITS[to].one}`;
  }
  if (from === 'topic' && to !== 'server' && to !== 'messageQueue') {
    return `a topic's links go to its subscribers, which must be message queues or servers; this one leads to ${KIND_TRAITS[to].one}`;
  }
  return null;
}
