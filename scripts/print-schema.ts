/**
 * Writes the public GraphQL contract to schema.graphql. The schema test fails whenever the code
 * and this file disagree, so API changes show up in review as a diff of one file.
 */
import { writeFileSync } from "node:fs";
import { printContract } from "../workers/graphql/contract";

writeFileSync(new URL("../schema.graphql", import.meta.url), printContract());
console.log("schema.graphql written");
