import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { ruleMessages, type RuleMessages } from '@/lib/validation/family-pes-rules';

/** The family PES forms' field messages in the reader's language, for their checks in the browser. */
export function useRuleMessages(): RuleMessages {
  const t = useTranslations('FamilyPesRules');
  return useMemo(() => ruleMessages((k, v) => t(k, v)), [t]);
}
