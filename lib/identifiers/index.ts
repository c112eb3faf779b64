export { isValidMainlandIdNumber, computeIdNumberCheckCharacter } from "./mainland-id-number";
export { isValidCreditCode, computeCreditCodeCheckCharacter } from "./credit-code";
export { maskIdNumber, maskPersonName } from "./masking";
export { isValidIdentityDocumentNumber, maskIdentityDocumentNumber } from "./identity-documents";
export { isValidOrganizationCode, computeOrganizationCodeCheckCharacter } from "./organization-code";
