"""The pages of promotion, by sub-feature: `pages` (the organisation's "Wizytówka" and the promotion
index), `companies` (CSR), `activation` (public bodies' offers), `opp` (the 1.5 % page)."""
