import { graphql } from "./generated";

export const InvoiceList = graphql(`
  query InvoiceList($filter: InvoiceFilter, $page: Pagination) {
    invoices(filter: $filter, page: $page) {
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          number
          username
          user {
            id
          }
          plan {
            id
            name
          }
          total
          currency
          status
          paidVia
          createdAt
        }
      }
    }
  }
`);

export const InvoicePlanChoices = graphql(`
  query InvoicePlanChoices {
    plans {
      id
      name
    }
  }
`);

export const InvoiceDetail = graphql(`
  query InvoiceDetail($id: ID!) {
    invoice(id: $id) {
      ...InvoiceDetailFields
    }
  }
`);

export const InvoiceUpdates = graphql(`
  subscription InvoiceUpdates($id: ID!) {
    invoiceUpdated(id: $id) {
      ...InvoiceDetailFields
    }
  }
`);

export const VoidInvoice = graphql(`
  mutation VoidInvoice($id: ID!) {
    voidInvoice(id: $id) {
      ...InvoiceDetailFields
    }
  }
`);

export const MarkInvoicePaid = graphql(`
  mutation MarkInvoicePaid($id: ID!, $reference: String!) {
    markInvoicePaid(id: $id, reference: $reference) {
      ...InvoiceDetailFields
    }
  }
`);

export const RefundInvoice = graphql(`
  mutation RefundInvoice($id: ID!, $revoke: Boolean!) {
    refundInvoice(id: $id, revoke: $revoke) {
      ...InvoiceDetailFields
    }
  }
`);
