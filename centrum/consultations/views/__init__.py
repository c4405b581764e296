"""The pages of the consultations app: public, the officer's desk, documents, co-creation."""
