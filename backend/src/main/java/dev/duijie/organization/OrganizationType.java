package dev.duijie.organization;

/** What an organization is; government bodies are the county regulator and talent bureau. */
public enum OrganizationType {
    ENTERPRISE,
    BANK,
    GUARANTOR,
    INVESTOR_GROUP,
    GOVERNMENT
}
