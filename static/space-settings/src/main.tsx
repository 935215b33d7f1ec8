import { startPage } from '../../shared/startPage';
import { SpaceSettingsPage } from './SpaceSettingsPage';

void startPage(<SpaceSettingsPage />);
