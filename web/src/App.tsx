/** Routes, each page its own chunk so the first load carries only the shell and the page it opens. */
import { Route, Router, useNavigate } from "@solidjs/router";
import { lazy, type ParentProps } from "solid-js";
import { whenSignedOut } from "./api/client";
import { Layout } from "./components/Layout";
import { Toasts } from "./components/toast";
import { preloadDashboard } from "./dashboard/dashboard-data";

const Login = lazy(() => import("./auth/LoginPage"));
const Dashboard = lazy(() => import("./dashboard/Dashboard"));
const Users = lazy(() => import("./users/UsersPage"));
const UserDetail = lazy(() => import("./users/UserDetailPage"));
const Nodes = lazy(() => import("./nodes/NodesPage"));
const NodeDetail = lazy(() => import("./nodes/NodeDetailPage"));
const Inbounds = lazy(() => import("./inbounds/InboundsPage"));
const Groups = lazy(() => import("./groups/GroupsPage"));
const Admins = lazy(() => import("./admins/AdminsPage"));
const Audit = lazy(() => import("./audit/AuditPage"));
const Settings = lazy(() => import("./settings/SettingsPage"));
const Account = lazy(() => import("./account/AccountPage"));
// Its own chunk like every page; sql.js and its WebAssembly load later still, with the first file it reads.
const Import = lazy(() => import("./import/ImportPage"));
const Backups = lazy(() => import("./backups/BackupsPage"));
const OidcCallback = lazy(() => import("./auth/OidcCallbackPage"));
const Notifications = lazy(() => import("./notifications/NotificationsPage"));
const Channels = lazy(() => import("./channels/ChannelsPage"));
const Analytics = lazy(() => import("./analytics/AnalyticsPage"));
const Plans = lazy(() => import("./billing/plans/PlansPage"));
const Invoices = lazy(() => import("./billing/invoices/InvoicesPage"));
const InvoiceDetail = lazy(() => import("./billing/invoices/InvoiceDetailPage"));
const Payments = lazy(() => import("./billing/payments/PaymentsPage"));
const Revenue = lazy(() => import("./billing/revenue/RevenuePage"));

function Root(props: ParentProps) {
  const navigate = useNavigate();
  whenSignedOut(() => navigate("/login", { replace: true }));
  return (
    <>
      {props.children}
      <Toasts />
    </>
  );
}

export function App() {
  return (
    <Router root={Root}>
      <Route path="/login" component={Login} />
      <Route path="/login/oidc" component={OidcCallback} />
      <Route path="/" component={Layout}>
        <Route path="/" component={Dashboard} preload={preloadDashboard} />
        <Route path="/users" component={Users} />
        <Route path="/users/:id" component={UserDetail} />
        <Route path="/nodes" component={Nodes} />
        <Route path="/nodes/:id" component={NodeDetail} />
        <Route path="/inbounds" component={Inbounds} />
        <Route path="/groups" component={Groups} />
        <Route path="/admins" component={Admins} />
        <Route path="/audit" component={Audit} />
        <Route path="/settings" component={Settings} />
        <Route path="/import" component={Import} />
        <Route path="/backups" component={Backups} />
        <Route path="/account" component={Account} />
        <Route path="/notifications" component={Notifications} />
        <Route path="/channels" component={Channels} />
        <Route path="/analytics" component={Analytics} />
        <Route path="/plans" component={Plans} />
        <Route path="/invoices" component={Invoices} />
        <Route path="/invoices/:id" component={InvoiceDetail} />
        <Route path="/payments" component={Payments} />
        <Route path="/revenue" component={Revenue} />
      </Route>
    </Router>
  );
}
