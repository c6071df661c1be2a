/** Routes, each page its own chunk so the first load carries only the shell and the page it opens. */
import { Route, Router, useNavigate } from "@solidjs/router";
import { lazy, type ParentProps } from "solid-js";
import { whenSignedOut } from "./api/client";
import { Layout } from "./components/Layout";
import { Toasts } from "./components/toast";
import { preloadDashboard } from "./pages/dashboard-data";

const Login = lazy(() => import("./pages/Login"));
const Dashboard = lazy(() => import("./pages/Dashboard"));
const Users = lazy(() => import("./users/UsersPage"));
const UserDetail = lazy(() => import("./users/UserDetailPage"));
const Nodes = lazy(() => import("./pages/Nodes"));
const Inbounds = lazy(() => import("./inbounds/InboundsPage"));
const Groups = lazy(() => import("./pages/Groups"));
const Admins = lazy(() => import("./pages/Admins"));
const Audit = lazy(() => import("./pages/Audit"));
const Settings = lazy(() => import("./pages/Settings"));
const Account = lazy(() => import("./account/AccountPage"));
const OidcCallback = lazy(() => import("./pages/OidcCallback"));

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
        <Route path="/inbounds" component={Inbounds} />
        <Route path="/groups" component={Groups} />
        <Route path="/admins" component={Admins} />
        <Route path="/audit" component={Audit} />
        <Route path="/settings" component={Settings} />
        <Route path="/account" component={Account} />
      </Route>
    </Router>
  );
}
