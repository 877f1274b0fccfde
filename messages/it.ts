import AccessOutcome from './it/AccessOutcome.json';
import CloseRequest from './it/CloseRequest.json';
import ConversionStatus from './it/ConversionStatus.json';
import Emails from './it/Emails.json';
import ErrorPages from './it/ErrorPages.json';
import FamilyEmails from './it/FamilyEmails.json';
import FamilyHome from './it/FamilyHome.json';
import Home from './it/Home.json';
import Layout from './it/Layout.json';
import Login from './it/Login.json';
import Money from './it/Money.json';
import PasswordReset from './it/PasswordReset.json';
import Profile from './it/Profile.json';
import Receipt from './it/Receipt.json';
import Refusals from './it/Refusals.json';
import Session from './it/Session.json';
import Signing from './it/Signing.json';
import SummerPes from './it/SummerPes.json';

/** The Italian catalogue, the reference: one file per namespace, so pages can be translated side by side. */
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
