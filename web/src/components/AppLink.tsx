import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { Link } from '@fluentui/react-components';

/**
 * A link to a page of the app: a real address (to copy, or to read out as a link), followed
 * without reloading the app. `onClick`, where given, is what a click does instead.
 */
export function AppLink({
  to,
  onClick,
  children,
}: {
  to: string;
  onClick?: (() => void) | undefined;
  children: ReactNode;
}) {
  const navigate = useNavigate();
  return (
    <Link
      href={to}
      onClick={(e) => {
        e.preventDefault();
        if (onClick) onClick();
        else void navigate(to);
      }}
    >
      {children}
    </Link>
  );
}
