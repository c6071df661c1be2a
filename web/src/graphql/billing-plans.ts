/** The Plans page, and selling a plan from a user's page: its invoices, the plans to pick from, issuing. */
import { graphql } from "./generated";

export const PlansPage = graphql(`
  query PlansPage {
    plans {
      id
      name
      description
      prices {
        currency
        amount
      }
      dataLimit
      durationDays
      resetStrategy
      deviceLimit
      groups {
        id
        name
      }
      sortOrder
      visible
    }
    groups {
      id
      name
    }
  }
`);

export const CreatePlan = graphql(`
  mutation CreatePlan($input: CreatePlanInput!) {
    createPlan(input: $input) {
      id
    }
  }
`);

export const UpdatePlan = graphql(`
  mutation UpdatePlan($id: ID!, $input: UpdatePlanInput!) {
    updatePlan(id: $id, input: $input) {
      id
    }
  }
`);

export const DeletePlan = graphql(`
  mutation DeletePlan($id: ID!) {
    deletePlan(id: $id)
  }
`);

export const UserInvoices = graphql(`
  query UserInvoices($userId: ID!, $first: Int!) {
    invoices(filter: { userId: $userId }, page: { first: $first }) {
      edges {
        node {
          id
          number
          status
          total
          currency
          createdAt
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

export const PlansToSell = graphql(`
  query PlansToSell {
    plans {
      id
      name
      visible
      prices {
        currency
        amount
      }
    }
  }
`);

export const SellPlan = graphql(`
  mutation SellPlan($input: CreateInvoiceInput!) {
    createInvoice(input: $input) {
      id
      number
    }
  }
`);

export const MarkSoldInvoicePaid = graphql(`
  mutation MarkSoldInvoicePaid($id: ID!, $reference: String!) {
    markInvoicePaid(id: $id, reference: $reference) {
      id
      number
      status
    }
  }
`);
