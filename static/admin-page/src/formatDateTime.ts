// Moved to static/shared so both pages format dates alike.
export { formatDateTime } from '../../shared/formatDateTime';
