import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../../lib/api';
import type { ReactionKind } from '../../lib/forum-types';
import { newClientId } from './chat-labels';
import { emitAck, useSocketEvent, type ChatConnection } from './chat-socket';
import type { Message, Room } from './chat-types';
import { OwnMessages } from './own-messages';

const enc = encodeURIComponent;
const TYPING_SHOWN_MS = 5_000;

/** Adds or replaces messages by seq, in seq order; what only the sender's copy carries is kept. */
export function mergeMessages(current: Message[], incoming: Message[]): Message[] {
  if (!incoming.length) return current;
  const bySeq = new Map(current.map((m) => [m.seq, m]));
  for (const message of incoming) {
    const before = bySeq.get(message.seq);
    bySeq.set(message.seq, {
      ...message,
      mine: message.mine ?? before?.mine,
      clientId: message.clientId ?? before?.clientId,
      source: message.source ?? before?.source,
      myReactions: message.myReactions ?? before?.myReactions,
    });
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

export interface PendingMessage {
  clientId: string;
  body: string;
  replyToSeq: number | null;
  kind: 'message' | 'check_in';
  state: 'sending' | 'failed';
}

export type SendResult = { ok: true } | { ok: false; code: string; message: string; retryAfter?: number };
export type FeedStatus = 'idle' | 'joining' | 'live' | 'offline';

export interface Presence {
  count: number;
  people?: string[];
}

/**
 * One room's messages as this reader holds them, kept live over the page's socket: joined with the last seq
 * held (so a reconnection fetches exactly what was missed), deduplicated and ordered by seq. Sends carry a
 * client id that is reused for every retry of the same message, so the server writes it once.
 */
export function useRoomFeed(connection: ChatConnection, roomId: string | null, enabled: boolean) {
  const { socket, connected, generation } = connection;
  const [messages, setMessages] = useState<Message[]>([]);
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const [status, setStatus] = useState<FeedStatus>('idle');
  const [joinError, setJoinError] = useState<{ code: string; message: string } | null>(null);
  const [presence, setPresence] = useState<Presence | null>(null);
  const [typing, setTyping] = useState<{ name: string; until: number }[]>([]);
  const [joinedRoom, setJoinedRoom] = useState<Room | null>(null);
  // The seq up to which every message is held, and the ones held beyond it. Live messages can arrive out of
  // order (concurrent sends commit in one order and are announced in another), so resuming from the highest
  // seq seen could skip one; resuming from `through` cannot.
  const through = useRef(0);
  const heldBeyond = useRef(new Set<number>());
  const gapTimer = useRef<number | undefined>(undefined);
  const pendingRef = useRef<PendingMessage[]>([]);
  pendingRef.current = pending;
  const own = useMemo(() => (roomId ? new OwnMessages(roomId) : null), [roomId]);
  const [, setOwnTick] = useState(0);

  const advance = () => {
    for (const seq of heldBeyond.current) if (seq <= through.current) heldBeyond.current.delete(seq);
    while (heldBeyond.current.delete(through.current + 1)) through.current += 1;
  };
  /** Live messages: held, and counted in `through` once everything before them is here too. */
  const merge = (incoming: Message[]) => {
    for (const m of incoming) if (m.seq > through.current) heldBeyond.current.add(m.seq);
    advance();
    setMessages((current) => mergeMessages(current, incoming));
  };
  /** A history answer holds every message after the seq asked for, up to its last item: no gap can remain below it. */
  const mergeHistory = (items: Message[]) => {
    if (items.length) through.current = Math.max(through.current, items[items.length - 1].seq);
    advance();
    setMessages((current) => mergeMessages(current, items));
  };

  // Another room: start from nothing (declared before the join, so it runs first).
  useEffect(() => {
    through.current = 0;
    heldBeyond.current.clear();
    setMessages([]);
    setPending([]);
    setPresence(null);
    setTyping([]);
    setJoinError(null);
    setJoinedRoom(null);
    setStatus('idle');
  }, [roomId]);

  async function catchUp(): Promise<void> {
    for (let pages = 0; pages < 50; pages += 1) {
      const page = await emitAck<{ items: Message[]; hasMore: boolean }>(socket, 'chat:history', {
        roomId,
        afterSeq: through.current,
      });
      if (!page.ok) return;
      mergeHistory(page.items);
      if (!page.hasMore) return;
    }
  }

  // Join on every (re)connection with the last seq held; what came meanwhile arrives in the acknowledgement.
  useEffect(() => {
    if (!socket || !connected || !roomId || !enabled) return;
    let live = true;
    setStatus('joining');
    void (async () => {
      const ack = await emitAck<{ room: Room; messages: Message[]; hasMore: boolean }>(socket, 'chat:join', {
        roomId,
        afterSeq: through.current,
      });
      if (!live) return;
      if (!ack.ok) {
        setJoinError({ code: ack.code, message: ack.message });
        setStatus('offline');
        return;
      }
      setJoinError(null);
      setJoinedRoom(ack.room);
      mergeHistory(ack.messages);
      if (ack.hasMore) await catchUp();
      if (!live) return;
      setStatus('live');
      // Messages whose acknowledgement was lost go again, with their own client ids.
      for (const p of pendingRef.current) if (p.state === 'failed') void deliver(p);
    })();
    return () => {
      live = false;
    };
  }, [socket, connected, generation, roomId, enabled]);

  // Leaving is its own effect: a reconnection joins again without leaving first.
  useEffect(() => {
    if (!socket || !roomId || !enabled) return;
    return () => {
      if (socket.connected) socket.emit('chat:leave', { roomId });
    };
  }, [socket, roomId, enabled]);

  useEffect(() => {
    if (!connected && status !== 'idle') setStatus('offline');
  }, [connected]);

  useSocketEvent<Message>(socket, 'chat:message', (message) => {
    if (message.roomId !== roomId || !enabled) return;
    merge([message]);
    // A gap that is still open a moment later was missed (a dropped frame), not merely overtaken: fetch it.
    if (heldBeyond.current.size && status === 'live' && gapTimer.current === undefined) {
      gapTimer.current = window.setTimeout(() => {
        gapTimer.current = undefined;
        if (heldBeyond.current.size) void catchUp();
      }, 700);
    }
  });
  useSocketEvent<Message>(socket, 'chat:message:updated', (message) => {
    if (message.roomId === roomId && enabled) merge([message]);
  });
  useSocketEvent<Presence & { roomId: string }>(socket, 'chat:presence', (event) => {
    if (event.roomId === roomId) setPresence({ count: event.count, people: event.people });
  });
  useSocketEvent<{ roomId: string; displayName: string }>(socket, 'chat:typing', (event) => {
    if (event.roomId !== roomId) return;
    const until = Date.now() + TYPING_SHOWN_MS;
    setTyping((current) => [...current.filter((t) => t.name !== event.displayName), { name: event.displayName, until }]);
  });

  // Typing notes fade on their own.
  useEffect(() => {
    if (!typing.length) return;
    const next = Math.min(...typing.map((t) => t.until)) - Date.now();
    const timer = window.setTimeout(
      () => setTyping((current) => current.filter((t) => t.until > Date.now())),
      Math.max(0, next) + 50,
    );
    return () => window.clearTimeout(timer);
  }, [typing]);

  async function deliver(p: PendingMessage): Promise<SendResult> {
    setPending((current) => current.map((c) => (c.clientId === p.clientId ? { ...c, state: 'sending' } : c)));
    const ack = await emitAck<{ message: Message }>(socket, 'chat:send', {
      roomId,
      clientId: p.clientId,
      body: p.body,
      kind: p.kind,
      ...(p.replyToSeq ? { replyToSeq: p.replyToSeq } : {}),
    });
    if (ack.ok) {
      own?.add(ack.message.id, p.body);
      merge([{ ...ack.message, mine: true }]);
      setPending((current) => current.filter((c) => c.clientId !== p.clientId));
      return { ok: true };
    }
    if (ack.code === 'TIMEOUT' || ack.code === 'INTERNAL_ERROR') {
      setPending((current) => current.map((c) => (c.clientId === p.clientId ? { ...c, state: 'failed' } : c)));
      return { ok: true };
    }
    setPending((current) => current.filter((c) => c.clientId !== p.clientId));
    return { ok: false, code: ack.code, message: ack.message, retryAfter: ack.retryAfter };
  }

  /** Shows the message at once as "sending", and sends it; a refusal (paused, muted, slow mode) comes back. */
  function send(body: string, options: { replyToSeq?: number | null; kind?: 'message' | 'check_in' } = {}): Promise<SendResult> {
    const p: PendingMessage = {
      clientId: newClientId(),
      body,
      replyToSeq: options.replyToSeq ?? null,
      kind: options.kind ?? 'message',
      state: 'sending',
    };
    setPending((current) => [...current, p]);
    return deliver(p);
  }

  const retry = (clientId: string) => {
    const p = pendingRef.current.find((c) => c.clientId === clientId);
    if (p) void deliver(p);
  };
  const discard = (clientId: string) => setPending((current) => current.filter((c) => c.clientId !== clientId));

  /** Whether the reader gave this reaction: what they did in this tab, else what history said. */
  const reactedTo = (message: Message, kind: ReactionKind) =>
    own?.knowsReactions(message.id) ? own.reacted(message.id, kind) : !!message.myReactions?.includes(kind);

  /** Adds the reader's reaction, or takes it back. */
  async function react(message: Message, kind: ReactionKind): Promise<void> {
    if (!own) return;
    for (const given of message.myReactions ?? []) if (!own.knowsReactions(message.id)) own.setReacted(message.id, given, true);
    const on = !reactedTo(message, kind);
    let ack = await emitAck<{ message: Message }>(socket, on ? 'chat:react' : 'chat:unreact', { messageId: message.id, kind });
    // Given earlier (another tab, before a reload): the press means taking it back.
    if (!ack.ok && ack.code === 'ALREADY_REACTED') {
      ack = await emitAck<{ message: Message }>(socket, 'chat:unreact', { messageId: message.id, kind });
      if (ack.ok) own.setReacted(message.id, kind, false);
    } else if (ack.ok) own.setReacted(message.id, kind, on);
    if (!ack.ok) throw new Error(ack.message);
    merge([ack.message]);
    setOwnTick((t) => t + 1);
  }

  async function edit(message: Message, body: string): Promise<void> {
    const saved = await api.patch<Message>(`/chat-messages/${enc(message.id)}`, { body });
    own?.add(saved.id, body);
    merge([saved]);
  }

  async function remove(message: Message): Promise<void> {
    await api.delete(`/chat-messages/${enc(message.id)}`);
    merge([{ ...message, status: 'deleted', html: null, pinned: false }]);
  }

  const isMine = (message: Message, meId: string | undefined) =>
    message.kind !== 'system' && (!!message.mine || !!own?.has(message.id) || (!!meId && message.author.id === meId));

  return {
    messages,
    pending,
    status,
    joinError,
    joinedRoom,
    presence,
    typing: typing.map((t) => t.name),
    send,
    retry,
    discard,
    react,
    edit,
    remove,
    update: merge,
    isMine,
    reacted: reactedTo,
    sourceOf: (message: Message) => own?.source(message.id) ?? message.source ?? undefined,
  };
}

export type RoomFeed = ReturnType<typeof useRoomFeed>;
