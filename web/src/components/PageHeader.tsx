import type { ReactNode } from 'react';
import { Title1 } from '@fluentui/react-components';

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: 16, gap: 16 }}>
      <Title1 as="h1">{title}</Title1>
      {children}
    </div>
  );
}
