/**
 * Phone numbers in E.164 form and the country each belongs to. Countries come from libphonenumber, which knows
 * which area codes of a shared calling code belong to which country ({@code +1 809} is the Dominican Republic).
 */
package dev.janela.core.phone;
