/**
 * A local HTTP stand-in for Stripe's API (the only stand-in the checkout tests use): it records
 * each request the panel's Stripe SDK sends and answers like Checkout Sessions and Refunds create.
 * Point the panel at it with STRIPE_API_BASE.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Captured {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  params: URLSearchParams;
}

export async function startStripeStandIn(): Promise<StripeStandIn> {
  const requests: Captured[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      requests.push({ method: req.method!, path: req.url!, headers: req.headers, params: new URLSearchParams(body) });
      res.writeHead(200, { "content-type": "application/json", "request-id": `req_${requests.length}` });
      if (req.url === "/v1/refunds") {
        res.end(JSON.stringify({ id: `re_test_${requests.length}`, object: "refund", status: "succeeded" }));
        return;
      }
      const id = `cs_test_${requests.length}`;
      res.end(
        JSON.stringify({
          id,
          object: "checkout.session",
          url: `https://checkout.stripe.com/c/pay/${id}`,
          payment_status: "unpaid",
          status: "open",
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export interface StripeStandIn {
  url: string;
  requests: Captured[];
  close(): Promise<void>;
}
