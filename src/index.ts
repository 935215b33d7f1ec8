/** The handlers manifest.yml names, and nothing else. */
export { adminPageResolver as adminResolver } from './resolvers/admin-page';
export { spaceSettingsResolver as spaceResolver } from './resolvers/space-settings';
export { relayTrigger } from './webtrigger/web-trigger';
export { scriptRunConsumer } from './scripts/consumer';
