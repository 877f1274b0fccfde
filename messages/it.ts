import Layout from './it/Layout.json';
import Money from './it/Money.json';
import Home from './it/Home.json';
import Emails from './it/Emails.json';
import ConversionStatus from './it/ConversionStatus.json';
import FamilyHome from './it/FamilyHome.json';
import CloseRequest from './it/CloseRequest.json';
// Issue 21 part C: public pages, profile, error pages.
import Login from './it/Login.json';
import PasswordReset from './it/PasswordReset.json';
import AccessOutcome from './it/AccessOutcome.json';
import ErrorPages from './it/ErrorPages.json';
import Session from './it/Session.json';
import Profile from './it/Profile.json';

/** The Italian catalogue, the reference: one file per namespace, so pages can be translated side by side. */
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
