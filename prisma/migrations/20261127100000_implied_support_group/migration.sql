-- A support group that implies another in a jurisdiction (a household poor by the national standard is
-- poor by Ho Chi Minh City's too): a parameter row like every other rule that changes with the law.
-- AlterEnum
ALTER TYPE "ContributionParameterKey" ADD VALUE 'IMPLIED_SUPPORT_GROUP';
