package dev.duijie.offer;

import dev.duijie.organization.OrganizationType;
import dev.duijie.shared.Role;

/** The kinds of offer: who publishes them and where they are stored. */
public enum OfferKind {
    LOAN_PRODUCT("loan_product", "loan-product", Role.BANK, OrganizationType.BANK),
    GUARANTEE_PRODUCT("guarantee_product", "guarantee-product", Role.GUARANTOR, OrganizationType.GUARANTOR),
    INVESTMENT_OFFER("investment_offer", "investment-offer", Role.INVESTOR, OrganizationType.INVESTOR_GROUP);

    final String table;
    final String entityType;
    final Role publisherRole;
    final OrganizationType publisherType;

    OfferKind(String table, String entityType, Role publisherRole, OrganizationType publisherType) {
        this.table = table;
        this.entityType = entityType;
        this.publisherRole = publisherRole;
        this.publisherType = publisherType;
    }
}
