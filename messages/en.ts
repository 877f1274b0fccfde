import Layout from './en/Layout.json';
import Money from './en/Money.json';
import Home from './en/Home.json';
import Emails from './en/Emails.json';
import ConversionStatus from './en/ConversionStatus.json';
import FamilyHome from './en/FamilyHome.json';
import CloseRequest from './en/CloseRequest.json';
// Issue 21 part C: public pages, profile, error pages.
import Login from './en/Login.json';
import PasswordReset from './en/PasswordReset.json';
import AccessOutcome from './en/AccessOutcome.json';
import ErrorPages from './en/ErrorPages.json';
import Session from './en/Session.json';
import Profile from './en/Profile.json';

/** The English catalogue: the same namespaces and keys as the Italian one (tests/unit/message-catalogues.test.ts). */
const catalogue = {
  Layout,
  Money,
  Home,
  Emails,
  ConversionStatus,
  FamilyHome,
  CloseRequest,
  Login,
  PasswordReset,
  AccessOutcome,
  ErrorPages,
  Session,
  Profile,
};

export default catalogue;
