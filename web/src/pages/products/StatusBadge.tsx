import { Badge } from '@fluentui/react-components';
import { useT } from '../../i18n';
import type { Subscription } from './types';

const COLORS = {
  trial: 'informative',
  active: 'success',
  expired: 'warning',
  disabled: 'danger',
  deleted: 'subtle',
} as const;

export function StatusBadge({ status }: { status: Subscription['status'] }) {
  const { t } = useT();
  return (
    <Badge appearance="tint" color={COLORS[status]}>
      {t(`status.${status}`)}
    </Badge>
  );
}
