import AccessOutcome from './en/AccessOutcome.json';
import AppErrors from './en/AppErrors.json';
import BabysittingForm from './en/BabysittingForm.json';
import BabysittingPage from './en/BabysittingPage.json';
import CloseRequest from './en/CloseRequest.json';
import Common from './en/Common.json';
import ConversionStatus from './en/ConversionStatus.json';
import Emails from './en/Emails.json';
import EmploymentDialog from './en/EmploymentDialog.json';
import ErrorPages from './en/ErrorPages.json';
import FamilyEmails from './en/FamilyEmails.json';
import FamilyHome from './en/FamilyHome.json';
import FamilyPesRules from './en/FamilyPesRules.json';
import Home from './en/Home.json';
import Layout from './en/Layout.json';
import Login from './en/Login.json';
import MeasureUnavailable from './en/MeasureUnavailable.json';
import Money from './en/Money.json';
import NewPesErrors from './en/NewPesErrors.json';
import NewPesList from './en/NewPesList.json';
import PasswordReset from './en/PasswordReset.json';
import PesFacts from './en/PesFacts.json';
import PesLabels from './en/PesLabels.json';
import Profile from './en/Profile.json';
import Receipt from './en/Receipt.json';
import Refusals from './en/Refusals.json';
import Session from './en/Session.json';
import Signing from './en/Signing.json';
import SubmissionGate from './en/SubmissionGate.json';
import SummerPes from './en/SummerPes.json';
import VoucherPage from './en/VoucherPage.json';
import VoucherTimeline from './en/VoucherTimeline.json';

/** The English catalogue: the same namespaces and keys as the Italian one (tests/unit/message-catalogues.test.ts). */
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
