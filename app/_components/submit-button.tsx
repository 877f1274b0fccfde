'use client';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

/** Shows it is working and cannot be pressed twice while the form is being sent. */
export function SubmitButton({
  children,
  className = 'btn-primary',
  pending: forced,
  pendingLabel,
  ...rest
}: {
  children: ReactNode;
  className?: string;
  pending?: boolean;
  pendingLabel?: string;
  disabled?: boolean;
  name?: string;
  value?: string;
}) {
  const t = useTranslations('Common');
  const { pending: formPending } = useFormStatus();
  const pending = forced ?? formPending;
  return (
    <button
      type="submit"
      className={className}
      disabled={pending || rest.disabled}
      aria-disabled={pending || rest.disabled}
      name={rest.name}
      value={rest.value}
    >
      {pending ? (pendingLabel ?? t('wait')) : children}
    </button>
  );
}
