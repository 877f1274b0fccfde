import Layout from './en/Layout.json';
import Money from './en/Money.json';
import Home from './en/Home.json';
import Emails from './en/Emails.json';
import ConversionStatus from './en/ConversionStatus.json';
import FamilyHome from './en/FamilyHome.json';
import CloseRequest from './en/CloseRequest.json';
// issue 21 part B: summer PES, signing, receipt, family e-mails
import FamilyEmails from './en/FamilyEmails.json';
import Refusals from './en/Refusals.json';
import SummerPes from './en/SummerPes.json';
import Signing from './en/Signing.json';
import Receipt from './en/Receipt.json';

/** The English catalogue: the same namespaces and keys as the Italian one (tests/unit/message-catalogues.test.ts). */
export default {
  Layout,
  Money,
  Home,
  Emails,
  ConversionStatus,
  FamilyHome,
  CloseRequest,
  FamilyEmails,
  Refusals,
  SummerPes,
  Signing,
  Receipt,
};
