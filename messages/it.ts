import Layout from './it/Layout.json';
import Money from './it/Money.json';
import Home from './it/Home.json';
import Emails from './it/Emails.json';
import ConversionStatus from './it/ConversionStatus.json';
import FamilyHome from './it/FamilyHome.json';
import CloseRequest from './it/CloseRequest.json';
// issue 21 part B: summer PES, signing, receipt, family e-mails
import FamilyEmails from './it/FamilyEmails.json';
import Refusals from './it/Refusals.json';
import SummerPes from './it/SummerPes.json';
import Signing from './it/Signing.json';
import Receipt from './it/Receipt.json';

/** The Italian catalogue, the reference: one file per namespace, so pages can be translated side by side. */
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
