import Layout from './en/Layout.json';
import Money from './en/Money.json';
import Home from './en/Home.json';
import Emails from './en/Emails.json';
import ConversionStatus from './en/ConversionStatus.json';
import FamilyHome from './en/FamilyHome.json';
import CloseRequest from './en/CloseRequest.json';

// Issue 21 part A: the voucher page and babysitting.
import VoucherPage from './en/VoucherPage.json';
import VoucherTimeline from './en/VoucherTimeline.json';
import PesFacts from './en/PesFacts.json';
import PesLabels from './en/PesLabels.json';
import NewPesList from './en/NewPesList.json';
import BabysittingPage from './en/BabysittingPage.json';
import BabysittingForm from './en/BabysittingForm.json';
import EmploymentDialog from './en/EmploymentDialog.json';
import FamilyPesRules from './en/FamilyPesRules.json';
import NewPesErrors from './en/NewPesErrors.json';
import AppErrors from './en/AppErrors.json';
import SubmissionGate from './en/SubmissionGate.json';
import MeasureUnavailable from './en/MeasureUnavailable.json';

/** The English catalogue: the same namespaces and keys as the Italian one (tests/unit/message-catalogues.test.ts). */
export default {
  Layout,
  Money,
  Home,
  Emails,
  ConversionStatus,
  FamilyHome,
  CloseRequest,
  VoucherPage,
  VoucherTimeline,
  PesFacts,
  PesLabels,
  NewPesList,
  BabysittingPage,
  BabysittingForm,
  EmploymentDialog,
  FamilyPesRules,
  NewPesErrors,
  AppErrors,
  SubmissionGate,
  MeasureUnavailable,
};
