import { Identity1764201600000 } from './1764201600000-identity';
import { Forum1764288000000 } from './1764288000000-forum';
import { ForumPersonal1764374400000 } from './1764374400000-forum-personal';
import { ForumFlags1764374400001 } from './1764374400001-forum-flags';
import { Handles1764374400002 } from './1764374400002-handles';
import { ForumCounters1764374400003 } from './1764374400003-forum-counters';
import { SpaceScopeFixed1764460800000 } from './1764460800000-space-scope-fixed';
import { ForumPreferences1764460800001 } from './1764460800001-forum-preferences';
import { Chat1764460800002 } from './1764460800002-chat';
import { ForumListedPosts1764460800003 } from './1764460800003-forum-listed-posts';
import { ChatFlags1764460800004 } from './1764460800004-chat-flags';
import { SpaceListedTopicCount1764460800005 } from './1764460800005-space-listed-topic-count';
import { Knowledge1764547200000 } from './1764547200000-knowledge';
import { Search1764547200001 } from './1764547200001-search';
import { Jobs1764633600000 } from './1764633600000-jobs';
import { Notifications1764633600001 } from './1764633600001-notifications';
import { PasswordReset1764633600002 } from './1764633600002-password-reset';
import { NotificationsReadWithTopic1764633600003 } from './1764633600003-notifications-read-with-topic';
import { Program1764720000000 } from './1764720000000-program';

/** Every migration in order. Listed explicitly so the compiled app needs no file globbing. */
export const ALL_MIGRATIONS = [
  Identity1764201600000,
  Forum1764288000000,
  ForumPersonal1764374400000,
  ForumFlags1764374400001,
  Handles1764374400002,
  ForumCounters1764374400003,
  SpaceScopeFixed1764460800000,
  ForumPreferences1764460800001,
  Chat1764460800002,
  ForumListedPosts1764460800003,
  ChatFlags1764460800004,
  SpaceListedTopicCount1764460800005,
  Knowledge1764547200000,
  Search1764547200001,
  Jobs1764633600000,
  Notifications1764633600001,
  PasswordReset1764633600002,
  NotificationsReadWithTopic1764633600003,
  Program1764720000000,
];
