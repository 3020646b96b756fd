import type { ReactNode } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  line: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
});

/** One line of a bill or a quote: what it is on the left, its amount on the right; `total` in bold. */
export function AmountLine({ label, amount, total = false }: { label: ReactNode; amount: string; total?: boolean }) {
  const styles = useStyles();
  const weight = total ? 'semibold' : 'regular';
  return (
    <div className={styles.line}>
      <Text weight={weight}>{label}</Text>
      <Text weight={weight}>{amount}</Text>
    </div>
  );
}
