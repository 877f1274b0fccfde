import AccessOutcome from './it/AccessOutcome.json';
import AppErrors from './it/AppErrors.json';
import BabysittingForm from './it/BabysittingForm.json';
import BabysittingPage from './it/BabysittingPage.json';
import CloseRequest from './it/CloseRequest.json';
import Common from './it/Common.json';
import ConversionStatus from './it/ConversionStatus.json';
import Emails from './it/Emails.json';
import EmploymentDialog from './it/EmploymentDialog.json';
import ErrorPages from './it/ErrorPages.json';
import FamilyEmails from './it/FamilyEmails.json';
import FamilyHome from './it/FamilyHome.json';
import FamilyPesRules from './it/FamilyPesRules.json';
import Home from './it/Home.json';
import Layout from './it/Layout.json';
import Login from './it/Login.json';
import MeasureUnavailable from './it/MeasureUnavailable.json';
import Money from './it/Money.json';
import NewPesErrors from './it/NewPesErrors.json';
import NewPesList from './it/NewPesList.json';
import PasswordReset from './it/PasswordReset.json';
import PesFacts from './it/PesFacts.json';
import PesLabels from './it/PesLabels.json';
import Profile from './it/Profile.json';
import Receipt from './it/Receipt.json';
import Refusals from './it/Refusals.json';
import Session from './it/Session.json';
import Signing from './it/Signing.json';
import SubmissionGate from './it/SubmissionGate.json';
import SummerPes from './it/SummerPes.json';
import VoucherPage from './it/VoucherPage.json';
import VoucherTimeline from './it/VoucherTimeline.json';

/** The Italian catalogue, the reference: one file per namespace, so pages can be translated side by side. */
const catalogue = {
  AccessOutcome,
  AppErrors,
  BabysittingForm,
  BabysittingPage,
  CloseRequest,
  Common,
  ConversionStatus,
  Emails,
  EmploymentDialog,
  ErrorPages,
  FamilyEmails,
  FamilyHome,
  FamilyPesRules,
  Home,
  Layout,
  Login,
  MeasureUnavailable,
  Money,
  NewPesErrors,
  NewPesList,
  PasswordReset,
  PesFacts,
  PesLabels,
  Profile,
  Receipt,
  Refusals,
  Session,
  Signing,
  SubmissionGate,
  SummerPes,
  VoucherPage,
  VoucherTimeline,
};

export default catalogue;
