import { useState, type SubmitEvent } from 'react';
import { Button, Field, Input, Text } from '@fluentui/react-components';
import { api } from '../../../api';
import type { Answer, Item } from '../../../api/types';
import { useT } from '../../../i18n';
import { useIsAdmin } from '../../../hooks/useMayWrite';
import { useApi } from '../../../useApi';
import { PageHeader } from '../../../components/PageHeader';
import { dateColumn, textColumn } from '../../../components/DataTable';
import { ListTable } from '../../../components/ListTable';
import { NoticeBar } from '../../../components/NoticeBar';
import { SecretShownOnce } from '../../../components/SecretShownOnce';
import { SettingsTabs } from './SettingsTabs';

type Token = Item<'/api/admin/provisioning/tokens'>;

/** Settings > Provisioning: the SCIM tenant URL and its tokens. */
export default function Provisioning() {
  const { t, problem } = useT();
  const canChange = useIsAdmin();
  const tokens = useApi<{ items: Token[] }>('/api/admin/provisioning/tokens');
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const scimUrl = `${window.location.origin}/scim/v2`;

  async function create(e: SubmitEvent) {
    e.preventDefault();
    setError(null);
    try {
      setCreated(
        (
          await api<Answer<'/api/admin/provisioning/tokens', 'post'>>('/api/admin/provisioning/tokens', {
            method: 'POST',
            body: { name },
          })
        ).token,
      );
      setName('');
      tokens.reload();
    } catch (err) {
      setError(problem(err));
    }
  }

  async function revoke(id: string) {
    setError(null);
    try {
      await api(`/api/admin/provisioning/tokens/${id}`, { method: 'DELETE' });
      tokens.reload();
    } catch (err) {
      setError(problem(err));
    }
  }

  return (
    <>
      <PageHeader title={`${t('set.title')} › ${t('set.provisioning')}`} />
      <SettingsTabs />
      <Text block style={{ marginBottom: 12 }}>
        {t('set.scimIntro')}
      </Text>
      <Field label={t('set.scimUrl')} style={{ maxWidth: 560, marginBottom: 16 }}>
        <Input readOnly value={scimUrl} />
      </Field>
      {error && (
        <NoticeBar intent="error" style={{ marginBottom: 12 }}>
          {error}
        </NoticeBar>
      )}
      {created && <SecretShownOnce text={t('set.tokenOnce')} values={[[t('set.token'), created]]} />}
      <ListTable
        data={tokens.data}
        error={tokens.error}
        empty={t('set.noTokens')}
        label={t('set.tokens')}
        rowId={(k) => k.id}
        columns={[
          textColumn('name', t('set.tokenName'), (k: Token) => k.name),
          dateColumn('created', t('set.created'), (k: Token) => k.createdAt),
          dateColumn('lastUsed', t('set.lastUsed'), (k: Token) => k.lastUsedAt, t('set.never')),
          {
            id: 'actions',
            header: t('ppl.actions'),
            controls: 'one',
            cell: (k) =>
              canChange && (
                <Button size="small" aria-label={`${t('set.revoke')} ${k.name}`} onClick={() => void revoke(k.id)}>
                  {t('set.revoke')}
                </Button>
              ),
          },
        ]}
      />
      {canChange && (
        <form onSubmit={(e) => void create(e)} style={{ display: 'flex', gap: 8, alignItems: 'end', marginTop: 16 }}>
          <Field label={t('set.tokenName')}>
            <Input
              value={name}
              maxLength={100}
              placeholder="Microsoft Entra ID"
              onChange={(_, d) => setName(d.value)}
            />
          </Field>
          <Button appearance="primary" type="submit" disabled={!name.trim()}>
            {t('set.createToken')}
          </Button>
        </form>
      )}
    </>
  );
}
