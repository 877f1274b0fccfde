import Layout from './it/Layout.json';
import Money from './it/Money.json';
import Home from './it/Home.json';
import Emails from './it/Emails.json';
import ConversionStatus from './it/ConversionStatus.json';
import FamilyHome from './it/FamilyHome.json';
import CloseRequest from './it/CloseRequest.json';

// Issue 21 part A: the voucher page and babysitting.
import VoucherPage from './it/VoucherPage.json';
import VoucherTimeline from './it/VoucherTimeline.json';
import PesFacts from './it/PesFacts.json';
import PesLabels from './it/PesLabels.json';
import NewPesList from './it/NewPesList.json';
import BabysittingPage from './it/BabysittingPage.json';
import BabysittingForm from './it/BabysittingForm.json';
import EmploymentDialog from './it/EmploymentDialog.json';
import FamilyPesRules from './it/FamilyPesRules.json';
import NewPesErrors from './it/NewPesErrors.json';
import AppErrors from './it/AppErrors.json';
import SubmissionGate from './it/SubmissionGate.json';
import MeasureUnavailable from './it/MeasureUnavailable.json';

/** The Italian catalogue, the reference: one file per namespace, so pages can be translated side by side. */
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
