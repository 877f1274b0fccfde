import AccessOutcome from './en/AccessOutcome.json';
import CloseRequest from './en/CloseRequest.json';
import ConversionStatus from './en/ConversionStatus.json';
import Emails from './en/Emails.json';
import ErrorPages from './en/ErrorPages.json';
import FamilyEmails from './en/FamilyEmails.json';
import FamilyHome from './en/FamilyHome.json';
import Home from './en/Home.json';
import Layout from './en/Layout.json';
import Login from './en/Login.json';
import Money from './en/Money.json';
import PasswordReset from './en/PasswordReset.json';
import Profile from './en/Profile.json';
import Receipt from './en/Receipt.json';
import Refusals from './en/Refusals.json';
import Session from './en/Session.json';
import Signing from './en/Signing.json';
import SummerPes from './en/SummerPes.json';

/** The English catalogue: the same namespaces and keys as the Italian one (tests/unit/message-catalogues.test.ts). */
const catalogue = {
  AccessOutcome,
  CloseRequest,
  ConversionStatus,
  Emails,
  ErrorPages,
  FamilyEmails,
  FamilyHome,
  Home,
  Layout,
  Login,
  Money,
  PasswordReset,
  Profile,
  Receipt,
  Refusals,
  Session,
  Signing,
  SummerPes,
};

export default catalogue;
