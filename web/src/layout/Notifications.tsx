import {
  Button,
  CounterBadge,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Alert24Regular } from '@fluentui/react-icons';
import { api } from '../api';
import type { Answer, Item } from '../api/types';
import { useT } from '../i18n';
import { useApi } from '../useApi';

// the API keeps payloads open; ours hold the words and numbers of the message
type Notification = Item<'/api/notifications'> & { payload: Record<string, string | number> };
type Inbox = Omit<Answer<'/api/notifications'>, 'items'> & { items: Notification[] };

const useStyles = makeStyles({
  surface: {
    width: '340px',
    maxWidth: 'calc(100vw - 32px)',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  unread: { fontWeight: tokens.fontWeightSemibold },
});

/** The bell: unread count as a badge; opening it lists the notifications, newest first. */
export function Notifications() {
  const styles = useStyles();
  const { t, date } = useT();
  const { data, setData } = useApi<Inbox>('/api/notifications');
  const unread = data?.unread ?? 0;
  const markRead = async () => setData(await api<Inbox>('/api/notifications/read', { method: 'POST', body: {} }));
  return (
    <Popover
      positioning="below-end"
      onOpenChange={(_, d) => {
        if (!d.open && unread > 0) void markRead();
      }}
    >
      <PopoverTrigger disableButtonEnhancement>
        <Button
          appearance="transparent"
          aria-label={`${t('notif.title')}${unread ? ` (${unread})` : ''}`}
          icon={
            <span style={{ position: 'relative', color: 'white' }}>
              <Alert24Regular />
              {unread > 0 && (
                <CounterBadge
                  count={unread}
                  size="small"
                  color="danger"
                  style={{ position: 'absolute', top: -6, right: -8 }}
                />
              )}
            </span>
          }
        />
      </PopoverTrigger>
      <PopoverSurface className={styles.surface} aria-label={t('notif.title')}>
        <Text weight="semibold">{t('notif.title')}</Text>
        {(data?.items.length ?? 0) === 0 && <Text>{t('notif.none')}</Text>}
        {data?.items.map((n) => (
          <Text key={n.id} className={n.readAt ? undefined : styles.unread}>
            {t(`notif.${n.kind}`, n.payload)} · {date(n.createdAt)}
          </Text>
        ))}
        {unread > 0 && (
          <Button size="small" onClick={() => void markRead()}>
            {t('notif.markRead')}
          </Button>
        )}
      </PopoverSurface>
    </Popover>
  );
}
