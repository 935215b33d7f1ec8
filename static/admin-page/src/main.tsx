import { startPage } from '../../shared/startPage';
import { AdminPage } from './AdminPage';

void startPage(<AdminPage />);
