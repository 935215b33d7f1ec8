/**
 * The plain-words reason shown beside each built-in script on the space
 * settings page: the same module the server's FORBIDDEN answers use.
 */
export { describeDecision, NOT_SPACE_ADMIN_MESSAGE } from '../../../src/contract/access-reasons';
